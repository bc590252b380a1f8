import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { Faker, de, en, en_GB, fr, base } from '@faker-js/faker';
import { PrivetError } from '../../domain/errors.ts';

const SCHEMA = fileURLToPath(new URL('./demo-shop-schema.sql', import.meta.url));
const REF_DATE = new Date('2026-06-01T00:00:00Z');

export interface DemoShopOptions {
  readonly customers?: number;
  readonly seed?: number;
  /** Replace an existing file instead of refusing. */
  readonly overwrite?: boolean;
}

export interface DemoShopCounts {
  readonly [table: string]: number;
}

/** People every demo and test can look up: a couple sharing one address, and a newsletter-only reader. */
export const demoPeople = {
  jane: { email: 'jane.doe@example.com', firstName: 'Jane', lastName: 'Doe', phone: '+49 30 1234567' },
  john: { email: 'john.doe@example.com', firstName: 'John', lastName: 'Doe', phone: '+49 30 7654321' },
  reader: { email: 'reader@example.org' },
} as const;

/**
 * Writes the demo shop's SQLite database with realistic, reproducible people (faker with a fixed seed):
 * customers, addresses, staff, products, orders, order lines, payments, invoices, newsletter subscriptions,
 * support tickets and web visits. Built in a temporary file and moved into place, so a half-written shop
 * never exists.
 */
export function generateDemoShop(path: string, options: DemoShopOptions = {}): DemoShopCounts {
  if (existsSync(path) && !options.overwrite) {
    throw new PrivetError('conflict', `${path} exists; pass overwrite to replace it`);
  }
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.tmp-${process.pid}`;
  rmSync(temp, { force: true });
  const db = new SQLite(temp);
  try {
    db.pragma('foreign_keys = ON');
    db.exec(readFileSync(SCHEMA, 'utf8'));
    const faker = new Faker({ locale: [en_GB, de, fr, en, base], seed: options.seed ?? 20260601 });
    faker.setDefaultRefDate(REF_DATE);
    db.transaction(() => fill(db, faker, options.customers ?? 200))();
    const counts = tableCounts(db);
    db.close();
    renameSync(temp, path);
    return counts;
  } catch (error) {
    if (db.open) db.close();
    rmSync(temp, { force: true });
    throw error;
  }
}

function iso(date: Date): string {
  return date.toISOString();
}

function fill(db: SQLite.Database, faker: Faker, customerCount: number): void {
  const insert = (table: string, row: Record<string, unknown>): number => {
    const keys = Object.keys(row);
    const sql = `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`;
    return Number(db.prepare(sql).run(row).lastInsertRowid);
  };
  const address = () =>
    insert('addresses', {
      street: faker.location.streetAddress(),
      city: faker.location.city(),
      postal_code: faker.location.zipCode(),
      country: faker.helpers.arrayElement(['DE', 'GB', 'FR', 'AT', 'NL', 'US']),
    });

  const staffIds = Array.from({ length: 8 }, () => {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    return insert('staff', {
      email: faker.internet
        .email({ firstName: first, lastName: last, provider: 'demo-shop.example' })
        .toLowerCase(),
      full_name: `${first} ${last}`,
      job_title: faker.helpers.arrayElement([
        'Support agent',
        'Warehouse lead',
        'Customer care',
        'Marketing',
      ]),
      hired_at: iso(faker.date.past({ years: 6 })),
    });
  });

  const productPrices = Array.from({ length: 40 }, (_, i) => {
    const price = faker.number.int({ min: 299, max: 25_000 });
    insert('products', {
      sku: `SKU-${String(i + 1).padStart(4, '0')}`,
      name: faker.commerce.productName(),
      category: faker.commerce.department(),
      price_cents: price,
    });
    return price;
  });

  const sharedAddress = address();
  const customers: { id: number; email: string; name: string; addressId: number }[] = [];
  const addCustomer = (
    person: { email: string; firstName: string; lastName: string; phone: string },
    addressId: number,
  ) => {
    const id = insert('customers', {
      email: person.email,
      first_name: person.firstName,
      last_name: person.lastName,
      phone: person.phone,
      date_of_birth: faker.date.birthdate({ mode: 'age', min: 18, max: 85 }).toISOString().slice(0, 10),
      address_id: addressId,
      loyalty_id: `LOY-${faker.string.numeric(8)}`,
      created_at: iso(faker.date.past({ years: 4 })),
    });
    customers.push({ id, email: person.email, name: `${person.firstName} ${person.lastName}`, addressId });
  };
  addCustomer(demoPeople.jane, sharedAddress);
  addCustomer(demoPeople.john, sharedAddress);
  const emails = new Set<string>([demoPeople.jane.email, demoPeople.john.email]);
  while (customers.length < customerCount) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const email = faker.internet.email({ firstName, lastName }).toLowerCase();
    if (emails.has(email)) continue;
    emails.add(email);
    addCustomer(
      { email, firstName, lastName, phone: faker.phone.number({ style: 'international' }) },
      address(),
    );
  }

  let invoiceNumber = 1000;
  for (const customer of customers) {
    const orderCount = customer.email === demoPeople.jane.email ? 3 : faker.number.int({ min: 0, max: 5 });
    for (let o = 0; o < orderCount; o += 1) {
      const placedAt = faker.date.past({ years: 3 });
      const lines = Array.from({ length: faker.number.int({ min: 1, max: 4 }) }, () => {
        const product = faker.number.int({ min: 1, max: productPrices.length });
        return {
          product,
          quantity: faker.number.int({ min: 1, max: 3 }),
          price: productPrices[product - 1] ?? 999,
        };
      });
      const total = lines.reduce((sum, l) => sum + l.quantity * l.price, 0);
      const orderId = insert('orders', {
        customer_id: customer.id,
        shipping_address_id: customer.addressId,
        status: faker.helpers.arrayElement(['delivered', 'delivered', 'delivered', 'shipped', 'cancelled']),
        placed_at: iso(placedAt),
        total_cents: total,
      });
      for (const line of lines) {
        insert('order_lines', {
          order_id: orderId,
          product_id: line.product,
          quantity: line.quantity,
          unit_price_cents: line.price,
        });
      }
      const byCard = faker.datatype.boolean(0.7);
      insert('payments', {
        order_id: orderId,
        method: byCard ? 'card' : 'paypal',
        card_holder: byCard ? customer.name : null,
        card_last4: byCard ? faker.string.numeric(4) : null,
        provider_reference: `pay_${faker.string.alphanumeric(14)}`,
        amount_cents: total,
        paid_at: iso(placedAt),
      });
      invoiceNumber += 1;
      insert('invoices', {
        order_id: orderId,
        number: `INV-${invoiceNumber}`,
        billing_name: customer.name,
        billing_address: `${faker.location.streetAddress()}, ${faker.location.city()}`,
        total_cents: total,
        issued_at: iso(placedAt),
      });
    }
    if (faker.datatype.boolean(0.4) || customer.email === demoPeople.jane.email) {
      const subscribedAt = faker.date.past({ years: 2 });
      insert('newsletter_subscriptions', {
        email: customer.email,
        customer_id: customer.id,
        source: faker.helpers.arrayElement(['checkout', 'footer form', 'account settings']),
        subscribed_at: iso(subscribedAt),
        confirmed_at: iso(new Date(subscribedAt.getTime() + 3_600_000)),
        unsubscribed_at: faker.datatype.boolean(0.15) ? iso(faker.date.recent({ days: 90 })) : null,
      });
    }
    for (let t = 0; t < (faker.datatype.boolean(0.3) ? faker.number.int({ min: 1, max: 2 }) : 0); t += 1) {
      insert('support_tickets', {
        customer_id: customer.id,
        assigned_staff_id: faker.helpers.arrayElement(staffIds),
        subject: faker.helpers.arrayElement([
          'Where is my parcel?',
          'Wrong size',
          'Refund request',
          'Change my address',
        ]),
        body: faker.lorem.sentences({ min: 1, max: 3 }),
        status: faker.helpers.arrayElement(['open', 'closed', 'closed']),
        opened_at: iso(faker.date.past({ years: 2 })),
      });
    }
    for (let v = 0; v < faker.number.int({ min: 0, max: 12 }); v += 1) {
      insert('web_visits', {
        customer_id: customer.id,
        ip_address: faker.internet.ipv4(),
        user_agent: faker.internet.userAgent(),
        path: faker.helpers.arrayElement([
          '/',
          '/cart',
          '/checkout',
          '/account',
          `/products/${faker.number.int({ min: 1, max: 40 })}`,
        ]),
        visited_at: iso(faker.date.recent({ days: 60 })),
      });
    }
  }
  insert('newsletter_subscriptions', {
    email: demoPeople.reader.email,
    customer_id: null,
    source: 'footer form',
    subscribed_at: iso(faker.date.past({ years: 1 })),
    confirmed_at: null,
    unsubscribed_at: null,
  });
  for (let v = 0; v < 300; v += 1) {
    insert('web_visits', {
      customer_id: null,
      ip_address: faker.internet.ipv4(),
      user_agent: faker.internet.userAgent(),
      path: '/',
      visited_at: iso(faker.date.recent({ days: 60 })),
    });
  }
}

function tableCounts(db: SQLite.Database): DemoShopCounts {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
    name: string;
  }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
    ]),
  );
}

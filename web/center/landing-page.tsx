import { Link } from '../shared/link.tsx';
import { PageHeading } from '../shared/page-heading.tsx';
import { RightCard } from './right-card.tsx';
import { rights } from './rights.ts';

/** The privacy center's start page: what people may ask of us, and where to start. */
export function LandingPage() {
  return (
    <>
      <section className="hero" aria-labelledby="hero-heading">
        <PageHeading title="Your data, your rights" titleSuffix="Privacy center" />
        <p className="hero-text">
          You decide what happens to your personal data. Here you can see what we hold about you, have it
          corrected or deleted, limit how we use it, take it with you, and change what you agreed to. We
          answer every request within one month.
        </p>
        <p>
          <Link to="/privacy-notice">Read our privacy notice</Link> to learn what data we collect, why, and
          for how long we keep it.
        </p>
      </section>
      <section aria-labelledby="rights-heading">
        <h2 id="rights-heading">What you can do</h2>
        <ul className="right-cards">
          {rights.map((right) => (
            <RightCard key={right.slug} right={right} />
          ))}
        </ul>
      </section>
    </>
  );
}

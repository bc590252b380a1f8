-- The link between a dataset and the systems that use it was stored twice: datasets.system_key (one system)
-- and systems.dataset_keys (a list, as the API, the console and the demo write it). systems.dataset_keys is
-- now the only source; a dataset's systems are derived from it. Links that existed only on the dataset side
-- are carried over first (appended after the system's own list), so no link is lost.
UPDATE systems s
SET dataset_keys = (
  SELECT json_agg(x.k ORDER BY x.grp, x.ord, x.k)::text FROM (
    SELECT 0 AS grp, e.ord, e.k
    FROM json_array_elements_text(s.dataset_keys::json) WITH ORDINALITY AS e(k, ord)
    UNION ALL
    SELECT 1, 0, d.fides_key FROM datasets d
    WHERE d.system_key = s.fides_key AND NOT (s.dataset_keys::jsonb @> jsonb_build_array(d.fides_key))
  ) x
)
WHERE EXISTS (
  SELECT 1 FROM datasets d
  WHERE d.system_key = s.fides_key AND NOT (s.dataset_keys::jsonb @> jsonb_build_array(d.fides_key))
);

DROP INDEX datasets_system;
ALTER TABLE datasets DROP COLUMN system_key;

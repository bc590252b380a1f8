-- The link between a dataset and the systems that use it was stored twice: datasets.system_key (one system)
-- and systems.dataset_keys (a list, as the API, the console and the demo write it). systems.dataset_keys is
-- now the only source; a dataset's systems are derived from it. Links that existed only on the dataset side
-- are carried over first (appended after the system's own list), so no link is lost.
UPDATE systems
SET dataset_keys = (
  SELECT json_group_array(k) FROM (
    SELECT 0 AS grp, CAST(e.key AS TEXT) AS ord, e.value AS k FROM json_each(systems.dataset_keys) e
    UNION ALL
    SELECT 1, d.fides_key, d.fides_key FROM datasets d
    WHERE d.system_key = systems.fides_key
      AND d.fides_key NOT IN (SELECT value FROM json_each(systems.dataset_keys))
    ORDER BY grp, ord
  )
)
WHERE EXISTS (
  SELECT 1 FROM datasets d
  WHERE d.system_key = systems.fides_key
    AND d.fides_key NOT IN (SELECT value FROM json_each(systems.dataset_keys))
);

DROP INDEX datasets_system;
ALTER TABLE datasets DROP COLUMN system_key;

"""checks.json: what a check cell needs to judge answers without holding them (fingerprints, rules, diagnoses, hints)."""

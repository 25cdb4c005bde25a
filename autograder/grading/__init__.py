"""Running notebooks and turning their test outputs into scores."""

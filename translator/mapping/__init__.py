"""Map bullets to competencies and rewrite them in industry language, from rules kept as data."""

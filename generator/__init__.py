"""YAML data -> validated model -> Markdown pages and the calculators' parameter bundle."""

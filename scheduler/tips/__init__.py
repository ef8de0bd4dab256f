"""The tips stage: an Article into standalone tips, and an article file into its campaign file."""

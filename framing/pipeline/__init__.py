"""One article through the pipeline: the data model, scoring, article scores and the JSON schema."""

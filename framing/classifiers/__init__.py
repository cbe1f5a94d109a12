"""The trained classifiers as plain arrays: loading, verifying and versioning model files."""

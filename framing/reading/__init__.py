"""Reading inputs: files, folders, stdin, JSON/JSONL/CSV records, markup and encodings."""

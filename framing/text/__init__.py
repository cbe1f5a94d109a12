"""Text processing: sentences, quotations and attributions, cues, names, features, readability."""

"""The project's own news labels: sample PTC article lines, hand them to independent
annotators, measure their agreement, settle disagreements, and build the labelled set.

Records point at their text (dataset, article id, line, character offsets); the text itself
stays in the data folder and never enters the repository.
"""

"""Training and evaluating the classifiers, the recipes and data, our labels, research tools and benchmarks."""

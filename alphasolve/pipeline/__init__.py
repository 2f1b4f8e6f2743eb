"""The solve pipeline's stages as plain functions over plain data (Ray only distributes them):
filter on the examples, test inputs (model-written plus mutations of the examples),
behaviour on those inputs, clustering and picks."""

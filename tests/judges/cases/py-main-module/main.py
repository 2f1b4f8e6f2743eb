seen = {n for n in globals() if n.startswith("__")}
names = {"__annotations__", "__builtins__", "__cached__", "__doc__", "__file__", "__loader__",
         "__name__", "__package__", "__spec__"}
print(seen == names and __cached__ is None and __spec__ is None
      and __loader__ is not None and __name__ == "__main__")

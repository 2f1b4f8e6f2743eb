import builtins

print(all(hasattr(builtins, n) for n in ("exit", "quit", "help", "copyright", "credits", "license")))

read = __builtins__.input
print(sum(map(int, read().split())))

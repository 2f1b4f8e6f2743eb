# Wrong: assumes it is always best to remove all books of one kind.
import sys

data = sys.stdin.read().split()
t = int(data[0])
print("\n".join(str(min(s.count("0"), s.count("1"))) for s in data[1:t + 1]))

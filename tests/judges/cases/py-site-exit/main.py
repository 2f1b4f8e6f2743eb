a, b = map(int, input().split())
print(a + b)
exit(0)
print("not reached")

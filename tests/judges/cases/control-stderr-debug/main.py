import sys
a, b = map(int, input().split())
for i in range(1024):
    print('debug', i, 'x' * 50, file=sys.stderr)
print(a + b)

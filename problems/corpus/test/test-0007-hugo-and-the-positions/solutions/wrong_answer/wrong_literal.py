t = int(input())
for _ in range(t):
    s = input()
    b = "".join('u' if c == 'p' else c for c in s if c == 'o')
    print(b if b else -1)

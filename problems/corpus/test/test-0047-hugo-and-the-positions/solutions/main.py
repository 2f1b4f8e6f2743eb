t = int(input())
for _ in range(t):
    s = input()
    print(1 + sum(1 for i in range(1, len(s)) if s[i] != s[i - 1]))

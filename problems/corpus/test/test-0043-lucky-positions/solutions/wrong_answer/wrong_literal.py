t = int(input())
for _ in range(t):
    s = input()
    print(len(set(c for c in s if c >= 'j')))

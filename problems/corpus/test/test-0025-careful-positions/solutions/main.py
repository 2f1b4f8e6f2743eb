t = int(input())
for _ in range(t):
    s = input()
    b = "".join('b' if c == 'i' else c for c in s if c > 'h' and c in "aeiou")
    print(b if b else -1)

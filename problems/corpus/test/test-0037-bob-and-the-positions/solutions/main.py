t = int(input())
for _ in range(t):
    s = input()
    b = "".join(c for c in s if c not in "aeiou" and c != 'j')
    print(b if b else -1)

t = int(input())
for _ in range(t):
    s = input()
    b = "".join(chr((ord(c) - 97 + 16) % 26 + 97) for c in s if c not in "aeiou" and c >= 'i')
    print(b if b else -1)

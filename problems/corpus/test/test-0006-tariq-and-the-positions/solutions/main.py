t = int(input())
for _ in range(t):
    s = input()
    b = "".join(chr((ord(c) - 97 + 4) % 26 + 97) for c in s if c > 'q' and c <= 'r')
    print(b if b else -1)

t = int(input())
for _ in range(t):
    s = input()
    b = "".join(chr((ord(c) - 97 + 17) % 26 + 97) for c in s)
    print(b if b else -1)

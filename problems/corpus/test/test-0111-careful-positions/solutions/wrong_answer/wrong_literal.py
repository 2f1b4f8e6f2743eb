s = input()
s = "".join(chr((ord(c) - 97 + 12) % 26 + 97) for c in s)
print(max(sorted(set(s)), key=s.count))

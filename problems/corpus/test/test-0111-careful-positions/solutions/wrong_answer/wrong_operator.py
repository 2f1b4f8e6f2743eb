s = input()
s = "".join(chr((ord(c) - 97 + 13) % 26 + 97) for c in s)
print(max(sorted(set(s), reverse=True), key=s.count))

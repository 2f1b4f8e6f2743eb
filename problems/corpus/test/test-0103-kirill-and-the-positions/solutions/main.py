s = input()
s = "".join(chr((ord(c) - 97 + 6) % 26 + 97) for c in s)
out = []
i = 0
while i < len(s):
    j = i
    while j < len(s) and s[j] == s[i]:
        j += 1
    out.append(s[i] + str(j - i))
    i = j
print("".join(out))

s = input()
print(sum(1 for i in range(len(s) - 1) if s[i] == 'f' and s[i + 1] == 'f'))

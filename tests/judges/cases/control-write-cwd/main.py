with open('scratch.txt', 'w') as f:
    f.write('3\n')
print(open('scratch.txt').read().strip())

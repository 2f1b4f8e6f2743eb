b = b'\x01' * (2 << 30)
print(len(b))

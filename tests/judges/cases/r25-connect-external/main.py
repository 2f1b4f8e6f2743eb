import socket

s = socket.create_connection(('1.1.1.1', 80), timeout=1.5)
print('connected')

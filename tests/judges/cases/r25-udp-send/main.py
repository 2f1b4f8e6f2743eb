import socket

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.sendto(b'alphasolve-probe', ('1.1.1.1', 53))
print('sent')

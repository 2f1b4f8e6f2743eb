print('seven')

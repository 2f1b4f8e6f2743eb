print('07')

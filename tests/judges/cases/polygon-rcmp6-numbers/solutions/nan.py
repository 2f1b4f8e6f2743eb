print('nan 1e6')

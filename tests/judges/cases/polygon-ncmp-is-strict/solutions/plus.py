print('+7')

rem

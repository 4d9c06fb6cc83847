import Distilabel

print("example")

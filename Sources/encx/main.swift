print("encx 0.1.0")

print("watchfloor")

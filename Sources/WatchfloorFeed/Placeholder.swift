// The simulated feed and the demo scenario are being written (issue 3).

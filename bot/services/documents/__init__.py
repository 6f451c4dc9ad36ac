"""Documents attached to meetings: attaching (`attaching`, text read in a child process by
`worker` and `extraction`, cut into `passages`), showing (`listing`), the outcomes sent to those
who follow a meeting (`outcomes`) and answers that quote them (`quoting`, `words`)."""

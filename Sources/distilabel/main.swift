import DistilabelCLI

await DistilabelCommand.main()

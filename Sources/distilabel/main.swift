import DistilabelCLI
import Foundation

exit(await DistilabelCLI.main())

import { prepareLanguages } from "./support/languages";
import { installSuite } from "./support/suite";

export default function setup(): void {
  const { cli, installed, root } = installSuite();
  prepareLanguages(root, cli);
  process.stdout.write(`\nengine suite: pulumi ${cli.version} from ${cli.source}; node ${process.version}; ` +
    `${Object.entries(installed).map(([n, v]) => `${n} ${v}`).join(", ")}; in ${root}\n`);
}

import type { FindOptionsWhere, Repository } from 'typeorm';
import { InputProblem } from '@hearth/platform-graphql';
import type { ReferenceInput } from './dto/reference.input';

/**
 * Problems for the references that already name another record: a system's id names one
 * person (or tenancy) of a member. The primary key is the backstop for a race.
 */
export async function referencesTaken<E extends { system: string; reference: string }>(
  repository: Repository<E>,
  references: readonly ReferenceInput[],
  owner: (row: E) => string,
): Promise<InputProblem[]> {
  if (!references.length) return [];
  const rows = await repository.findBy(references.map(({ system, reference }) => ({ system, reference }) as FindOptionsWhere<E>));
  return references.flatMap((reference, i) => {
    const row = rows.find((r) => r.system === reference.system && r.reference === reference.reference);
    return row ? [InputProblem.of(`references[${i}]`, `Reference ${reference.reference} of ${reference.system} already names ${owner(row)}`)] : [];
  });
}

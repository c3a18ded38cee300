import { describe, expect, it } from 'vitest';
import { nameTakenBy, nameTakenRefusal } from './names.ts';

const user = { type: 'USER' as const, id: 'u1', name: 'Sales' };
const group = { type: 'GROUP' as const, id: 'g1', name: 'sales' };
const room = { type: 'RESOURCE' as const, id: 'r1', name: 'SALES' };

describe('one set of names for users, groups and resources', () => {
  it('a free name is no problem', () => {
    expect(nameTakenRefusal({ type: 'GROUP', name: 'Sales' }, [])).toBeNull();
  });

  it.each([
    ['a group', 'GROUP', user, 'GROUP.NAME_TAKEN', 'the user "Sales"'],
    ['a resource', 'RESOURCE', group, 'RESOURCE.NAME_TAKEN', 'the group "sales"'],
    ['a user', 'USER', room, 'USER.NAME_TAKEN', 'the resource "SALES"'],
  ] as const)("refuses %s another kind's name, with the wanted kind's code, naming the holder", (_, type, holder, code, named) => {
    const refused = nameTakenRefusal({ type, name: 'Sales' }, [holder]);
    expect(refused).toMatchObject({ code, details: { field: 'name', name: 'Sales', holderType: holder.type } });
    expect(refused!.message).toBe(`The name "Sales" is already used by ${named}: users, groups and resources share one set of names in an organization.`);
  });

  it('words a name taken by the same kind as before', () => {
    expect(nameTakenRefusal({ type: 'USER', name: 'Sales' }, [user])!.message).toBe('The user name "Sales" is already in use in this organization.');
    expect(nameTakenRefusal({ type: 'GROUP', name: 'Sales' }, [group])!.message).toBe('A group named "Sales" already exists in this organization.');
    expect(nameTakenRefusal({ type: 'RESOURCE', name: 'Sales' }, [room])!.message).toBe('A resource named "Sales" already exists in this organization.');
  });

  it('lets an entity keep its own name in another case, not one another entity of its kind holds', () => {
    expect(nameTakenRefusal({ type: 'GROUP', name: 'SALES', id: 'g1' }, [group])).toBeNull();
    expect(nameTakenRefusal({ type: 'GROUP', name: 'SALES', id: 'g2' }, [group])?.code).toBe('GROUP.NAME_TAKEN');
    // The same id in another table is another entity.
    expect(nameTakenRefusal({ type: 'USER', name: 'SALES', id: 'g1' }, [group])?.code).toBe('USER.NAME_TAKEN');
  });

  it('names the first other holder when there are several (older data)', () => {
    expect(nameTakenRefusal({ type: 'RESOURCE', name: 'Sales', id: 'r1' }, [room, user])!.details).toMatchObject({ holderType: 'USER' });
    expect(nameTakenBy({ type: 'USER', name: 'x' }, { type: 'USER', name: 'x' }).code).toBe('USER.NAME_TAKEN');
  });
});

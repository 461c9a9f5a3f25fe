import { ConflictError } from '@pos/platform';
import { isDuplicateKey, type Catalogue } from './mongo.ts';

export interface Category {
  id: string;
  name: string;
}

export async function insertCategory(catalogue: Catalogue, category: Category): Promise<Category> {
  try {
    await catalogue.categories.insertOne({ _id: category.id, name: category.name });
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConflictError('CATEGORY.ID_TAKEN', `category ${category.id} exists`, { id: category.id });
    throw error;
  }
  return category;
}

export async function categoryExists(catalogue: Catalogue, id: string): Promise<boolean> {
  return (await catalogue.categories.countDocuments({ _id: id }, { limit: 1 })) > 0;
}

export async function listCategories(catalogue: Catalogue): Promise<Category[]> {
  return (await catalogue.categories.find().sort({ name: 1 }).toArray()).map(({ _id, name }) => ({ id: _id, name }));
}

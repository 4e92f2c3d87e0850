/**
 * EXT_mesh_features for vertex-attribute feature ids: each primitive says which `_FEATURE_ID_n`
 * attribute holds the per-vertex feature id and which property table row set it indexes.
 */
import {
  Extension,
  ExtensionProperty,
  PropertyType,
  type IProperty,
  type Nullable,
  type Primitive,
  type ReaderContext,
  type WriterContext,
} from '@gltf-transform/core';

const NAME = 'EXT_mesh_features';

export type FeatureIdDef = {
  featureCount: number;
  /** n of the `_FEATURE_ID_n` vertex attribute. */
  attribute: number;
  propertyTable?: number;
  nullFeatureId?: number;
  label?: string;
};

// Graph attributes must be plain records, so the list is wrapped in one.
interface IMeshFeatures extends IProperty {
  featureIds: { list: FeatureIdDef[] };
}

export class MeshFeatures extends ExtensionProperty<IMeshFeatures> {
  static override EXTENSION_NAME = NAME;
  declare extensionName: typeof NAME;
  declare propertyType: 'MeshFeatures';
  declare parentTypes: [PropertyType.PRIMITIVE];

  protected init(): void {
    this.extensionName = NAME;
    this.propertyType = 'MeshFeatures';
    this.parentTypes = [PropertyType.PRIMITIVE];
  }

  protected override getDefaults(): Nullable<IMeshFeatures> {
    return Object.assign(super.getDefaults(), { featureIds: { list: [] } });
  }

  listFeatureIds(): FeatureIdDef[] {
    return this.get('featureIds').list;
  }

  addFeatureId(def: FeatureIdDef): this {
    if (!Number.isInteger(def.featureCount) || def.featureCount < 1) {
      throw new Error(`${NAME}: featureCount must be a positive integer, got ${def.featureCount}`);
    }
    return this.set('featureIds', { list: this.get('featureIds').list.concat([def]) });
  }
}

export class MeshFeaturesExtension extends Extension {
  static override EXTENSION_NAME = NAME;
  override readonly extensionName = NAME;

  createMeshFeatures(): MeshFeatures {
    return new MeshFeatures(this.document.getGraph());
  }

  override write(context: WriterContext): this {
    const json = context.jsonDoc.json;
    for (const mesh of this.document.getRoot().listMeshes()) {
      const meshIndex = context.meshIndexMap.get(mesh);
      if (meshIndex === undefined) continue;
      mesh.listPrimitives().forEach((prim: Primitive, primIndex: number) => {
        const features = prim.getExtension<MeshFeatures>(NAME);
        if (!features) return;
        const primDef = json.meshes![meshIndex]!.primitives[primIndex]!;
        primDef.extensions = primDef.extensions ?? {};
        primDef.extensions[NAME] = { featureIds: features.listFeatureIds().map((f) => ({ ...f })) };
      });
    }
    return this;
  }

  override read(context: ReaderContext): this {
    (context.jsonDoc.json.meshes ?? []).forEach((meshDef, meshIndex) => {
      meshDef.primitives.forEach((primDef, primIndex) => {
        const def = primDef.extensions?.[NAME] as { featureIds?: FeatureIdDef[] } | undefined;
        if (!def) return;
        const features = this.createMeshFeatures();
        for (const f of def.featureIds ?? []) features.addFeatureId({ ...f });
        context.meshes[meshIndex]!.listPrimitives()[primIndex]!.setExtension(NAME, features);
      });
    });
    return this;
  }
}
